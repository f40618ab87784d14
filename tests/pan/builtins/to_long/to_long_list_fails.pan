object template to_long_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=expecting a property
'/v' = to_long(list());
