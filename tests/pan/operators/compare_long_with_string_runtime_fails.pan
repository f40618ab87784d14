object template compare_long_with_string_runtime_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { s = '5'; 5 == s; };
