object template is_valid_unknown_type_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=no_such_type_t
'/v' = is_valid(no_such_type_t, 1);
