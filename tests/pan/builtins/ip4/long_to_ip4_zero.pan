object template long_to_ip4_zero;
# @expect=/nlist[@name="profile"]/string[@name="v"]="0.0.0.0"
'/v' = long_to_ip4(0);
