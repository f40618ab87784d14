object template list_index_too_large_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/l/0' = 1;
'/l/4294967296' = 2;
