object template format_double_as_string;
# @expect=/nlist[@name="profile"]/string[@name="v"]="2.0"
'/v' = format('%s', 2.0);
