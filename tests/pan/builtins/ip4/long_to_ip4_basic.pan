object template long_to_ip4_basic;
# @expect=/nlist[@name="profile"]/string[@name="v"]="192.168.1.1"
'/v' = long_to_ip4(3232235777);
