object template empty_dict_element;
# @expect=name(/nlist/*[@name="d"])="nlist"
# @expect=count(/nlist[@name="profile"]/*[@name="d"]/*)=0
'/d' = dict();
