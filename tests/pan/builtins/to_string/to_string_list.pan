object template to_string_list;
# @expect=/nlist[@name="profile"]/string[@name="v"]="[ x, 1, false ]"
'/v' = to_string(list('x', 1, false));
