object template replace_long_target_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=third argument to replace\(\) must be a string
'/v' = replace('1', '2', 121);
