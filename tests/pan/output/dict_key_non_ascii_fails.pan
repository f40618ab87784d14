object template dict_key_non_ascii_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/d' = dict('ü', 1);
