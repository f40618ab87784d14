object template assign_list_replaced_by_list;
# @expect=count(/nlist[@name="profile"]/*[@name="l"]/*)=1
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[1][name()="string"]="a"
'/l' = list(1, 2, 3);
'/l' = list('a');
