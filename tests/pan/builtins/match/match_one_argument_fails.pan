object template match_one_argument_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=match\(\)
'/v' = match('x');
