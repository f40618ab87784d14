object template max_longs;
# @expect=/nlist[@name="profile"]/long[@name="v"]="9"
'/v' = max(3, 9);
