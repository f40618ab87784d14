object template split_negative_limit_keeps_trailing;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
'/v' = split(':', -1, 'a::');
