object template to_uppercase_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=invalid argument to to_uppercase\(\); string required
'/v' = to_uppercase(12);
