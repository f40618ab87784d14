object template long_hex_literal_lowercase;
# @expect=/nlist[@name="profile"]/long[@name="v"]="2748"
'/v' = 0xabc;
