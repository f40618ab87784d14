object template join_single_string_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = join('-', 'solo');
