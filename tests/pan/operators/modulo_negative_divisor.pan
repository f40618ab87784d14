object template modulo_negative_divisor;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/v' = 23 % -4;
