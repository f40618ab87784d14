object template min_runtime_longs;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-8"
'/v' = { a = 8; b = -8; min(a, b); };
