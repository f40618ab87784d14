object template list_constructor;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="double"]="3.0"
'/v' = list('a', 2, 3.0);
