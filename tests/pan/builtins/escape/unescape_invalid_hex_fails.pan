object template unescape_invalid_hex_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=qq
'/v' = unescape('a_qq');
