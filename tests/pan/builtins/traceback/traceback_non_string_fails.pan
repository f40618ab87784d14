object template traceback_non_string_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = traceback(3.5);
