object template to_long_bad_octal_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = to_long('08');
