object template ip4_roundtrip;
# @expect=/nlist[@name="profile"]/string[@name="v"]="8.8.4.4"
'/v' = { p = ip4_to_long('8.8.4.4'); long_to_ip4(p[0]); };
