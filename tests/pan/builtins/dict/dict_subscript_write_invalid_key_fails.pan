object template dict_subscript_write_invalid_key_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = { d = dict(); d['has space'] = 1; d; };
