object template long_min_divided_by_minus_one;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-9223372036854775808"
'/v' = { m = -9223372036854775807 - 1; d = -1; m / d; };
