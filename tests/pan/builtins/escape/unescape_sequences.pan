object template unescape_sequences;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a b/c"
'/v' = unescape('a_20b_2fc');
