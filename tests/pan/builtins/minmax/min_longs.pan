object template min_longs;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/v' = min(3, 9);
