object template substr_length_too_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=end index in substr\(\) is greater than the string length
'/v' = substr('abc', 0, 4);
