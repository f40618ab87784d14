object template index_in_list_missing;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-1"
'/v' = index('q', list('a', 'b'));
