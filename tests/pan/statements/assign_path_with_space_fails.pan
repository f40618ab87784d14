object template assign_path_with_space_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/x/a b' = 1;
