object template dict_long_key_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=(?i)key.*(string|long)
'/v' = dict(5, 'five');
