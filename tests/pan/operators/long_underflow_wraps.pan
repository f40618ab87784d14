object template long_underflow_wraps;
# @expect=/nlist[@name="profile"]/long[@name="v"]="9223372036854775806"
'/v' = { x = -9223372036854775807; x - 3; };
