object template splice_list_replace;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="one"
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
'/v' = splice(list(1, 2, 3), 0, 1, list('one'));
