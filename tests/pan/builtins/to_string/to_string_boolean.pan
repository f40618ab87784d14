object template to_string_boolean;
# @expect=/nlist[@name="profile"]/string[@name="v"]="true"
'/v' = to_string(true);
