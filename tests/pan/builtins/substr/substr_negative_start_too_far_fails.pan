object template substr_negative_start_too_far_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=start index in substr\(\) is less than zero
'/v' = substr('abc', -9);
