object template add_boolean_and_long_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = false + 2;
