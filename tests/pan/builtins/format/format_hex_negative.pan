object template format_hex_negative;
# @expect=/nlist[@name="profile"]/string[@name="v"]="fffffffffffffffe"
'/v' = format('%x', -2);
