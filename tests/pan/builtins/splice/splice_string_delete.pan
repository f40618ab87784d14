object template splice_string_delete;
# @expect=/nlist[@name="profile"]/string[@name="v"]="adef"
'/v' = splice('abcdef', 1, 2);
