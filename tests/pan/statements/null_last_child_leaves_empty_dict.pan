object template null_last_child_leaves_empty_dict;
# @expect=count(/nlist[@name="profile"]/*[@name="d"]/*)=0
# @expect=/nlist[@name="profile"]/*[@name="d"]
'/d/only' = 'x';
'/d/only' = null;
