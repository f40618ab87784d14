object template bind_path_with_variable_substitution;
# @expect=/nlist[@name="profile"]/*[@name="s"]/string[@name="svc"]="ok"
variable SVC = 'svc';
bind '/s/${SVC}' = string;
'/s/svc' = 'ok';
