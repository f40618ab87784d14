object template substr_string_start_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=second argument to substr\(\) must be a long
'/v' = substr('abc', 'x');
