object template double_negative_overflow;
# @expect=/nlist[@name="profile"]/double[@name="v"]="-Infinity"
'/v' = { x = -1e308; x * 100; };
