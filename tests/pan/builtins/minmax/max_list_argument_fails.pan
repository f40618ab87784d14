object template max_list_argument_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = max(list(1, 2), 3);
