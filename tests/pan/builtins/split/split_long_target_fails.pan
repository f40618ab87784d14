object template split_long_target_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=split\(\)
'/v' = split(',', 5);
