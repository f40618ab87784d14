object template merge_does_not_modify_input;
# @expect=count(/nlist[@name="profile"]/*[@name="a"]/*)=1
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
'/a' = list(1);
'/v' = merge(value('/a'), list(2));
