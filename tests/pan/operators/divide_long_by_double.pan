object template divide_long_by_double;
# @expect=/nlist[@name="profile"]/double[@name="v"]="1.5"
'/v' = 3 / 2.0;
