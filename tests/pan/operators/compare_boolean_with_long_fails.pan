object template compare_boolean_with_long_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = false == 0;
