object template dict_key_leading_dash_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/d' = dict('-flag', 1);
