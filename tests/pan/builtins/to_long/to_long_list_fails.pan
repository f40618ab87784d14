object template to_long_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)(property|list)
'/v' = to_long(list());
