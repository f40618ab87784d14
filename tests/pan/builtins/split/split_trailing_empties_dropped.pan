object template split_trailing_empties_dropped;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
'/v' = split(':', 'a:b::');
