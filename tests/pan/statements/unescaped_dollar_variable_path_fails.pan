object template unescaped_dollar_variable_path_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
variable DIR = 'd';
'/e/${DIR}' = 1;
