object template index_in_list_type_mismatch;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-1"
'/v' = index('7', list(7, 8));
