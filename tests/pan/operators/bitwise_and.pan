object template bitwise_and;
# @expect=/nlist[@name="profile"]/long[@name="v"]="6"
'/v' = 14 & 7;
