object template double_ten_million_scientific;
# @expect=/nlist[@name="profile"]/double[@name="d"]="1.0E7"
'/d' = 10000000.0;
