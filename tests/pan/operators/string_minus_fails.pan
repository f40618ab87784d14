object template string_minus_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = 'abc' - 'b';
