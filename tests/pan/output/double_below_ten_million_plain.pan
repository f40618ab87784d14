object template double_below_ten_million_plain;
# @expect=/nlist[@name="profile"]/double[@name="d"]="9999999.5"
'/d' = 9999999.5;
