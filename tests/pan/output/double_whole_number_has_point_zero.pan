object template double_whole_number_has_point_zero;
# @expect=/nlist[@name="profile"]/double[@name="d"]="8.0"
'/d' = 8.0;
