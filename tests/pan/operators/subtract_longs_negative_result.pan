object template subtract_longs_negative_result;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-7"
'/v' = 5 - 12;
