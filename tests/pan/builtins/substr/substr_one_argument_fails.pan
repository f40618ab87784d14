object template substr_one_argument_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = substr('abc');
