object template index_empty_substring;
# @expect=/nlist[@name="profile"]/long[@name="v"]="2"
'/v' = index('', 'abc', 2);
