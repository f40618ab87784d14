object template match_invalid_flag_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(?i)flag
'/v' = match('x', 'x', 'z');
