object template for_builds_list;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=4
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[4][name()="long"]="30"
'/v' = { r = list(); for (i = 0; i < 4; i = i + 1) r[i] = i * 10; r; };
