object template index_substring_start_past_end;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-1"
'/v' = index('h', 'hah', 9);
