object template splice_list_insert;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=4
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="string"]="c"
'/v' = splice(list('a', 'd'), 1, 0, list('b', 'c'));
