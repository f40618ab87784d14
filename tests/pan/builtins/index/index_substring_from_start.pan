object template index_substring_from_start;
# @expect=/nlist[@name="profile"]/long[@name="v"]="5"
'/v' = index('o', 'foo boo', 3);
