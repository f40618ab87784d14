object template precedence_bitwise_and_over_xor_over_or;
# @expect=/nlist[@name="profile"]/long[@name="v"]="6"
'/v' = 2 | 4 ^ 6 & 3;
