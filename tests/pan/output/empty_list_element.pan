object template empty_list_element;
# @expect=/nlist[@name="profile"]/*[@name="l"]
# @expect=name(/nlist/*[@name="l"])="list"
# @expect=count(/nlist[@name="profile"]/*[@name="l"]/*)=0
'/l' = list();
