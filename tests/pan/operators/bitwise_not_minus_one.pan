object template bitwise_not_minus_one;
# @expect=/nlist[@name="profile"]/long[@name="v"]="0"
'/v' = ~(-1);
