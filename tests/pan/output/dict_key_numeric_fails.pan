object template dict_key_numeric_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=invalid.*key.*42
'/d' = dict('42', 'x');
