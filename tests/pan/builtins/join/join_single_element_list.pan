object template join_single_element_list;
# @expect=/nlist[@name="profile"]/string[@name="v"]="solo"
'/v' = join('-', list('solo'));
