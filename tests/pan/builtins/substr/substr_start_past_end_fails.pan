object template substr_start_past_end_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=substr\(\)
'/v' = substr('abc', 5);
