object template index_in_list;
# @expect=/nlist[@name="profile"]/long[@name="v"]="2"
'/v' = index('c', list('a', 'b', 'c'));
