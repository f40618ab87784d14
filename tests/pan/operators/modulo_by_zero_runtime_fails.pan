object template modulo_by_zero_runtime_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=second argument for modulus
'/v' = { z = 0; 8 % z; };
