object template join_nested_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)nested
'/v' = join('-', list(list('x')));
