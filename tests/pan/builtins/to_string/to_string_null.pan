object template to_string_null;
# @expect=/nlist[@name="profile"]/string[@name="v"]="null"
'/v' = to_string(null);
