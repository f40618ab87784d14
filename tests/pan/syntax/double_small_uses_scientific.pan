object template double_small_uses_scientific;
# @expect=/nlist[@name="profile"]/double[@name="v"]="5.0E-4"
'/v' = 0.0005;
