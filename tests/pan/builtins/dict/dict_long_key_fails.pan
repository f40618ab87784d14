object template dict_long_key_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=keys must be string
'/v' = dict(5, 'five');
