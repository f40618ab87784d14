object template substr_negative_length_too_far_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=substr\(\)
'/v' = substr('abc', 0, -4);
