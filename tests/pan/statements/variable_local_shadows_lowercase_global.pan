object template variable_local_shadows_lowercase_global;
# @expect=/nlist[@name="profile"]/long[@name="v"]="20"
variable shadow = 1;
'/v' = { shadow = 2; shadow * 10; };
