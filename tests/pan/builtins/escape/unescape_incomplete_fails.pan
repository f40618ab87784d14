object template unescape_incomplete_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(?i)(incomplete|escape)
'/v' = unescape('xy_');
