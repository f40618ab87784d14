object template double_precision_sum;
# @expect=/nlist[@name="profile"]/double[@name="v"]="0.30000000000000004"
'/v' = 0.1 + 0.2;
