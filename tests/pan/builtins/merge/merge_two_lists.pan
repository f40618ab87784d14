object template merge_two_lists;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="string"]="c"
'/v' = merge(list('a'), list('b', 'c'));
