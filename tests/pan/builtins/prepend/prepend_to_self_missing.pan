object template prepend_to_self_missing;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=1
'/v' = prepend('p');
