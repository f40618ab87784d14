object template max_mixed_returns_double;
# @expect=/nlist[@name="profile"]/double[@name="v"]="4.0"
'/v' = max(4, 2.5);
