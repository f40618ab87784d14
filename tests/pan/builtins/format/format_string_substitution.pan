object template format_string_substitution;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a-b"
'/v' = format('%s-%s', 'a', 'b');
