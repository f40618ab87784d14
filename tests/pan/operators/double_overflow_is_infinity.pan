object template double_overflow_is_infinity;
# @expect=/nlist[@name="profile"]/double[@name="v"]="Infinity"
'/v' = 1e300 * 1e10;
