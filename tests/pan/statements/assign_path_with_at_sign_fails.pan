object template assign_path_with_at_sign_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/x/user@host' = 1;
