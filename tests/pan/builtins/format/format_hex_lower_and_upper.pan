object template format_hex_lower_and_upper;
# @expect=/nlist[@name="profile"]/string[@name="v"]="bee/BEE"
'/v' = format('%x/%X', 3054, 3054);
