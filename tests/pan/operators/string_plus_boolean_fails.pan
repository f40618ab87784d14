object template string_plus_boolean_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = 'flag' + false;
