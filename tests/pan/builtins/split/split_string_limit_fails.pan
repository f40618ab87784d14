object template split_string_limit_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=second argument to split\(\) must be a long
'/v' = split(',', 'x', 'a,b');
