object template append_to_local_variable_in_place;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
'/v' = { l = list(1); append(l, 2); l; };
