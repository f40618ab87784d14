object template long_hex_max;
# @expect=/nlist[@name="profile"]/long[@name="v"]="9223372036854775807"
'/v' = 0x7fffffffffffffff;
