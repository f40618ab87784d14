object template matches_invalid_regex_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = matches('a', '+');
