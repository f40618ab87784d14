object template negative_zero_long_is_zero;
# @expect=/nlist[@name="profile"]/long[@name="v"]="0"
'/v' = -0;
