object template to_string_no_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = to_string();
