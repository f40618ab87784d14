object template unescape_incomplete_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=incomplete escape sequence
'/v' = unescape('xy_');
