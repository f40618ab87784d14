object template long_min_negated_is_min;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-9223372036854775808"
'/v' = { m = -9223372036854775807 - 1; 0 - m; };
