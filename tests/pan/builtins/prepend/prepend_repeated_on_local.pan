object template prepend_repeated_on_local;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="a"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="string"]="c"
'/v' = { prepend(acc, 'c'); prepend(acc, 'b'); prepend(acc, 'a'); };
