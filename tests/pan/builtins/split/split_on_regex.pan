object template split_on_regex;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=3
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="string"]="b"
'/v' = split('\s*;\s*', 'a ; b;c');
