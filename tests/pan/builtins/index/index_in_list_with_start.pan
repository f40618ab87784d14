object template index_in_list_with_start;
# @expect=/nlist[@name="profile"]/long[@name="v"]="2"
'/v' = index(7, list(7, 8, 7, 9), 1);
