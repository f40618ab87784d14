object template ip4_to_long_with_mask;
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[1]="167838211"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[2]="4294901760"
'/v' = ip4_to_long('10.1.2.3/16');
