object template double_exponent_negative;
# @expect=/nlist[@name="profile"]/double[@name="v"]="0.05"
'/v' = 5e-2;
