object template splice_list_replace;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="one"
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
'/v' = splice(list(1, 2, 3), 0, 1, list('one'));
