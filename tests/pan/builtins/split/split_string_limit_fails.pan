object template split_string_limit_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=split\(\)
'/v' = split(',', 'x', 'a,b');
