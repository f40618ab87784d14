object template max_one_argument_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=max\(\)
'/v' = max(5);
