object template long_min_via_expression;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-9223372036854775808"
'/v' = -9223372036854775807 - 1;
