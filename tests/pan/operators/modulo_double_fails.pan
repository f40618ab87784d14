object template modulo_double_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=arguments for modulus \(%\) operation must be long values
'/v' = { d = 5.5; d % 2; };
