object template to_long_radix_bad_digit_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = to_long('2', 2);
