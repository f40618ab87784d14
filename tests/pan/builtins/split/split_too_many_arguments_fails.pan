object template split_too_many_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = split(',', 1, 'a', 'b');
