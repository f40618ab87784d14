object template max_one_argument_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=requires exactly two arguments
'/v' = max(5);
