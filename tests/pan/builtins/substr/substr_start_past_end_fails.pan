object template substr_start_past_end_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=start index in substr\(\) is greater than the string length
'/v' = substr('abc', 5);
