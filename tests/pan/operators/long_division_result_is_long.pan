object template long_division_result_is_long;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = is_long(9 / 3);
