object template append_list_as_single_element;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=1
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*[1]/*)=2
'/v' = append(list(), list('x', 'y'));
