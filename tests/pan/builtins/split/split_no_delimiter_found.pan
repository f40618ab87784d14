object template split_no_delimiter_found;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=1
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="whole"
'/v' = split(',', 'whole');
