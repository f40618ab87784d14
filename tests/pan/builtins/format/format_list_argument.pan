object template format_list_argument;
# @expect=/nlist[@name="profile"]/string[@name="v"]="[ a, 2 ]"
'/v' = format('%s', list('a', 2));
