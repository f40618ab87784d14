object template escape_cjk_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=cannot be escaped
'/v' = escape('中');
