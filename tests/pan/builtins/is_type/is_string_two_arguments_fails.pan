object template is_string_two_arguments_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=requires exactly (one|1) argument
'/v' = is_string('a', 'b');
