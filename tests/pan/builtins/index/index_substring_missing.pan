object template index_substring_missing;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-1"
'/v' = index('xyz', 'hello');
