object template escape_dot_and_colon;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a_2eb_3ac"
'/v' = escape('a.b:c');
