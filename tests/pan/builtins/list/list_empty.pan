object template list_empty;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=0
# @expect=/nlist[@name="profile"]/*[@name="v"]
'/v' = list();
