object template string_double_quoted_hex_escape;
# @expect=/nlist[@name="profile"]/string[@name="v"]="Pan"
'/v' = "\x50\x61\x6e";
