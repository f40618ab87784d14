object template escape_space_and_slash;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a_20b_2fc"
'/v' = escape('a b/c');
