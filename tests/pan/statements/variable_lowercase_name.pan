object template variable_lowercase_name;
# @expect=/nlist[@name="profile"]/string[@name="v"]="lower"
variable myvar = 'lower';
'/v' = myvar;
