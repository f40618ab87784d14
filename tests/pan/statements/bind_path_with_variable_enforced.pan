object template bind_path_with_variable_enforced;
# @expect=org.quattor.pan.exceptions.ValidationException
variable SVC = 'svc';
bind '/s/${SVC}' = string;
'/s/svc' = 12;
