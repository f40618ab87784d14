object template max_three_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = max(1, 2, 3);
