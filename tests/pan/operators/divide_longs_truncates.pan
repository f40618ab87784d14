object template divide_longs_truncates;
# @expect=/nlist[@name="profile"]/long[@name="v"]="5"
'/v' = 23 / 4;
