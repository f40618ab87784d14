object template double_one_thousandth_plain;
# @expect=/nlist[@name="profile"]/double[@name="d"]="0.001"
'/d' = 0.001;
