object template index_substring_found;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/v' = index('lo', 'hello world');
