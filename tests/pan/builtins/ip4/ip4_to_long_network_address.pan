object template ip4_to_long_network_address;
# @expect=/nlist[@name="profile"]/string[@name="v"]="10.20.30.0"
'/v' = { p = ip4_to_long('10.20.30.40/24'); long_to_ip4(p[0] & p[1]); };
