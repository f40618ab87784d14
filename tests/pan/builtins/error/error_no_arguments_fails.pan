object template error_no_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = error();
