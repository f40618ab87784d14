object template split_empty_regex_chars;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="x"
'/v' = split('', 'xyz');
