object template assign_path_double_slash_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/x//y' = 1;
