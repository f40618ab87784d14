object template split_no_delimiter_found;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=1
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="whole"
'/v' = split(',', 'whole');
