object template deprecated_string_level_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = deprecated('1', 'x');
