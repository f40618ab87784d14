object template string_plus_long_runtime_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { n = 5; 'n=' + n; };
