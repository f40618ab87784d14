object template clone_two_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = clone(1, 2);
