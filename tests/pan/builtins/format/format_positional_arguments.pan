object template format_positional_arguments;
# @expect=/nlist[@name="profile"]/string[@name="v"]="second/first"
'/v' = format('%2$s/%1$s', 'first', 'second');
