object template assign_list_grows_by_next_index;
# @expect=count(/nlist[@name="profile"]/*[@name="l"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[2][name()="string"]="q"
'/l' = list('p');
'/l/1' = 'q';
