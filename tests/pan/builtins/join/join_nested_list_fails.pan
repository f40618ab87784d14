object template join_nested_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=nested elements
'/v' = join('-', list(list('x')));
