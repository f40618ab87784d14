object template valid_statement_missing_path_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
valid '/n' = true;
'/m' = 1;
