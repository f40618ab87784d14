object template escape_underscore;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a_5fb"
'/v' = escape('a_b');
