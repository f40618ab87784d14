object template return_two_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = { return('a', 'b'); };
