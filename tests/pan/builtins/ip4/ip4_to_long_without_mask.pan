object template ip4_to_long_without_mask;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="long"]="3232235521"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="long"]="4294967295"
'/v' = ip4_to_long('192.168.0.1');
