object template dict_duplicate_key_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=duplicate.*\bk\b
'/v' = dict('k', 1, 'k', 1);
