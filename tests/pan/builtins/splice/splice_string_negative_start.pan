object template splice_string_negative_start;
# @expect=/nlist[@name="profile"]/string[@name="v"]="abcf"
'/v' = splice('abcdef', -3, 2);
