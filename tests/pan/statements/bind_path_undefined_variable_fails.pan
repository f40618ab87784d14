object template bind_path_undefined_variable_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
bind '/s/${MISSING_VAR}' = string;
'/s/x' = 'x';
