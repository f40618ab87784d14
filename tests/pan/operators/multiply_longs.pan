object template multiply_longs;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-42"
'/v' = -6 * 7;
