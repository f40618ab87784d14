object template double_divide_by_long_zero_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { z = 0; 2.5 / z; };
