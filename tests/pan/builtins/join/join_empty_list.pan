object template join_empty_list;
# @expect=/nlist[@name="profile"]/string[@name="v"]=""
'/v' = join('-', list());
