object template splice_list_delete;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="long"]="4"
'/v' = splice(list(1, 2, 3, 4), 1, 2);
