object template split_empty_string;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=1
'/v' = split(',', '');
