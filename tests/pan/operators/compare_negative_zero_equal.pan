object template compare_negative_zero_equal;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = -0.0 == 0.0;
