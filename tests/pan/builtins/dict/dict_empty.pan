object template dict_empty;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=0
# @expect=/nlist[@name="profile"]/*[@name="v"]
'/v' = dict();
