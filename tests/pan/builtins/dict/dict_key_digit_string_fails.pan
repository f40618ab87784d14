object template dict_key_digit_string_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = dict('7', 1);
