object template assign_dict_replaced_drops_old_keys;
# @expect=not(/nlist[@name="profile"]/*[@name="d"]/*[@name="old"])
# @expect=/nlist[@name="profile"]/*[@name="d"]/long[@name="new"]="2"
'/d' = dict('old', 1);
'/d' = dict('new', 2);
