object template to_string_empty_list;
# @expect=/nlist[@name="profile"]/string[@name="v"]="[  ]"
'/v' = to_string(list());
