object template bitwise_not_on_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = ~'x';
