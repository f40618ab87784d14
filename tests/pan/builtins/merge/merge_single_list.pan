object template merge_single_list;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="solo"
'/v' = merge(list('solo'));
