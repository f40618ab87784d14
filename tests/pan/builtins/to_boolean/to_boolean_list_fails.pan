object template to_boolean_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=to_boolean argument is not a property
'/v' = to_boolean(list(1));
