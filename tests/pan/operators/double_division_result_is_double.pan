object template double_division_result_is_double;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = is_double(9.0 / 3);
