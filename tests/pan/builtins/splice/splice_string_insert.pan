object template splice_string_insert;
# @expect=/nlist[@name="profile"]/string[@name="v"]="aXYbcd"
'/v' = splice('abcd', 1, 0, 'XY');
