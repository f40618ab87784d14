object template bitwise_and_negative;
# @expect=/nlist[@name="profile"]/long[@name="v"]="14"
'/v' = -2 & 15;
