object template escape_cjk_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(?i)escape
'/v' = escape('中');
