object template unescape_invalid_hex_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=invalid escape sequence
'/v' = unescape('a_qq');
