object template to_string_double;
# @expect=/nlist[@name="profile"]/string[@name="v"]="2.5"
'/v' = to_string(2.5);
