object template modulo_zero_dividend;
# @expect=/nlist[@name="profile"]/long[@name="v"]="0"
'/v' = 0 % 9;
