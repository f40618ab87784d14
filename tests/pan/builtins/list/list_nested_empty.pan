object template list_nested_empty;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
'/v' = list(list(), dict());
