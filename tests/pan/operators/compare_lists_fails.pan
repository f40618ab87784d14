object template compare_lists_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = list('a') == list('a');
