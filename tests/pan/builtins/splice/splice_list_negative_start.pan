object template splice_list_negative_start;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="long"]="2"
'/v' = splice(list(1, 2, 3), -1, 1);
