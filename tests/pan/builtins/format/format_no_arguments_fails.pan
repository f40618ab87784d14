object template format_no_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = format();
