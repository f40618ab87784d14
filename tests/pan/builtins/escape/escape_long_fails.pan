object template escape_long_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(?i)(escape|string)
'/v' = escape(5);
