object template max_negative_longs;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-10"
'/v' = max(-10, -20);
