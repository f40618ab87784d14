object template compare_long_with_string_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = 5 == '5';
