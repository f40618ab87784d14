object template modulo_positive;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/v' = 23 % 4;
