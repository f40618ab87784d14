object template to_string_hex_literal;
# @expect=/nlist[@name="profile"]/string[@name="v"]="31"
'/v' = to_string(0x1f);
