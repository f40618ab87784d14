object template match_invalid_flag_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=invalid matching flag
'/v' = match('x', 'x', 'z');
