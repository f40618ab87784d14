object template string_plus_long_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = 'n=' + 5;
