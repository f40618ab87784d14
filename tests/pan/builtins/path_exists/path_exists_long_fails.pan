object template path_exists_long_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = path_exists(3);
