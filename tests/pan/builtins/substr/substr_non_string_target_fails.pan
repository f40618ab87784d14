object template substr_non_string_target_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=first argument to substr\(\) must be a string
'/v' = substr(999, 0);
