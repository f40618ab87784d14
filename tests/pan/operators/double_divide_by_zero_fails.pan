object template double_divide_by_zero_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=division by zero
'/v' = { z = 0.0; 3.5 / z; };
