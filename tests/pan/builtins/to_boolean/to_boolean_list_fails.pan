object template to_boolean_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)(property|list)
'/v' = to_boolean(list(1));
