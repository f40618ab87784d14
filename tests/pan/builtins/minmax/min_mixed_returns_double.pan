object template min_mixed_returns_double;
# @expect=/nlist[@name="profile"]/double[@name="v"]="1.0"
'/v' = min(1, 2.5);
