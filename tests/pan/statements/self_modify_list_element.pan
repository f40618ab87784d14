object template self_modify_list_element;
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[1][name()="long"]="100"
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[2][name()="long"]="2"
'/l' = list(1, 2);
'/l' = { SELF[0] = 100; SELF; };
