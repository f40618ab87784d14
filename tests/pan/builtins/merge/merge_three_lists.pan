object template merge_three_lists;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
'/v' = merge(list(1), list(), list(2));
