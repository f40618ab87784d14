object template substr_negative_start_too_far_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=substr\(\)
'/v' = substr('abc', -9);
