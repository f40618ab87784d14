object template prepend_to_string_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = prepend('text', 'x');
