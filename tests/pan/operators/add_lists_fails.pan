object template add_lists_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = list('a') + list('b');
