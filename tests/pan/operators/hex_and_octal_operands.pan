object template hex_and_octal_operands;
# @expect=/nlist[@name="profile"]/long[@name="v"]="48"
'/v' = 0x20 + 020;
