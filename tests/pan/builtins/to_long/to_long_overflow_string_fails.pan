object template to_long_overflow_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = to_long('99999999999999999999');
