object template ip4_to_long_zero_mask;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="long"]="0"
'/v' = ip4_to_long('1.2.3.4/0');
