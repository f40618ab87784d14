object template unary_minus_on_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = -'text';
