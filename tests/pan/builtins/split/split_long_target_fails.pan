object template split_long_target_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=last argument to split\(\) must be a string
'/v' = split(',', 5);
