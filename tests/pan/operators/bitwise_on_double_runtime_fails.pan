object template bitwise_on_double_runtime_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { d = 2.0; d | 1; };
