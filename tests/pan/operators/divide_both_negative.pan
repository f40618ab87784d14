object template divide_both_negative;
# @expect=/nlist[@name="profile"]/long[@name="v"]="5"
'/v' = -23 / -4;
