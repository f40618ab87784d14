object template to_boolean_undef_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = to_boolean(undef);
