object template replace_long_target_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=replace\(\)
'/v' = replace('1', '2', 121);
