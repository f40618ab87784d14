object template prepend_to_literal_list;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="a"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="string"]="b"
'/v' = prepend(list('b'), 'a');
