object template double_negative_zero;
# @expect=/nlist[@name="profile"]/double[@name="d"]="-0.0"
'/d' = -0.0;
