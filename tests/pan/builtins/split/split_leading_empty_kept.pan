object template split_leading_empty_kept;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]=""
'/v' = split(':', ':a');
