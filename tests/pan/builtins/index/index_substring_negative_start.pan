object template index_substring_negative_start;
# @expect=/nlist[@name="profile"]/long[@name="v"]="0"
'/v' = index('h', 'hah', -5);
