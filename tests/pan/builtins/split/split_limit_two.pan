object template split_limit_two;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="string"]="b:c"
'/v' = split(':', 2, 'a:b:c');
