object template self_reassign_in_dml_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/a' = 'x';
'/a' = { SELF = 'y'; };
