object template substr_length_too_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=substr\(\)
'/v' = substr('abc', 0, 4);
