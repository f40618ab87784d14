object template index_substring_utf16;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/v' = index('b', '😀ab');
