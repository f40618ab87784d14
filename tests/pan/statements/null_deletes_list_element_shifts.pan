object template null_deletes_list_element_shifts;
# @expect=count(/nlist[@name="profile"]/*[@name="l"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[1][name()="long"]="20"
'/l' = list(10, 20, 30);
'/l/0' = null;
