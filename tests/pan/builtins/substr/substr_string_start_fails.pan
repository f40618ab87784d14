object template substr_string_start_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=substr\(\)
'/v' = substr('abc', 'x');
