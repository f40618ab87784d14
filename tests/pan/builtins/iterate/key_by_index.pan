object template key_by_index;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="c"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="string"]="x"
'/v' = { d = dict('m', 1, 'c', 2, 'x', 3); list(key(d, 0), key(d, 2)); };
