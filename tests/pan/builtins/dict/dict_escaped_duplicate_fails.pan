object template dict_escaped_duplicate_fails;
# Keys are compared after escaping: '{a.b}' and 'a_2eb' are the same key.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=duplicate key
'/r' = dict('{a.b}', 1, 'a_2eb', 2);
