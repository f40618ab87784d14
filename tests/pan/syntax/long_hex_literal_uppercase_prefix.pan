object template long_hex_literal_uppercase_prefix;
# @expect=/nlist[@name="profile"]/long[@name="v"]="255"
'/v' = 0XFF;
