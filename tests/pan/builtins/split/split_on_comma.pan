object template split_on_comma;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="string"]="z"
'/v' = split(',', 'x,y,z');
