object template splice_string_replace;
# @expect=/nlist[@name="profile"]/string[@name="v"]="Zdef"
'/v' = splice('abcdef', 0, 3, 'Z');
