object template compare_nan_not_equal_itself;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = { inf = 1e300 * 1e300; nan = inf - inf; nan == nan; };
