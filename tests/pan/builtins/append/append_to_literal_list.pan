object template append_to_literal_list;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="string"]="b"
'/v' = append(list('a'), 'b');
