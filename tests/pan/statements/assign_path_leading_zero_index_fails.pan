object template assign_path_leading_zero_index_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/l/0' = 1;
'/l/02' = 2;
