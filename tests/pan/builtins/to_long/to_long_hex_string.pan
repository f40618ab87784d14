object template to_long_hex_string;
# @expect=/nlist[@name="profile"]/long[@name="v"]="42"
'/v' = to_long('0x2A');
