object template double_exponent_lowercase;
# @expect=/nlist[@name="profile"]/double[@name="v"]="1500.0"
'/v' = 1.5e3;
