object template ip4_to_long_with_mask;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="long"]="167838211"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="long"]="4294901760"
'/v' = ip4_to_long('10.1.2.3/16');
