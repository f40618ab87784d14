object template bitwise_or;
# @expect=/nlist[@name="profile"]/long[@name="v"]="15"
'/v' = 9 | 6;
