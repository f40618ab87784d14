object template append_to_self_missing_creates_list;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=1
'/v' = append('only');
