object template to_long_radix_hex_no_prefix;
# @expect=/nlist[@name="profile"]/long[@name="v"]="31"
'/v' = to_long('1f', 16);
