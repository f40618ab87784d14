object template string_times_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = 'ab' * 3;
