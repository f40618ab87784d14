object template split_on_comma;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[3]="z"
'/v' = split(',', 'x,y,z');
