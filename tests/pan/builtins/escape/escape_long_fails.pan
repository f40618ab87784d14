object template escape_long_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=escape argument is not a string
'/v' = escape(5);
