object template delete_list_element;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="q"
'/v' = { l = list('p', 'q', 'r'); delete(l[0]); l; };
