object template dict_key_with_space_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/d' = dict('a key', 1);
