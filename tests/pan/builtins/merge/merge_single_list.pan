object template merge_single_list;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="solo"
'/v' = merge(list('solo'));
