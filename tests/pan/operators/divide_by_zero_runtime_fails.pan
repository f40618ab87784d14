object template divide_by_zero_runtime_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=division by zero
'/v' = { z = 0; 10 / z; };
