object template compare_strings_lexically;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[4][name()="boolean"]="true"
'/v' = list('apple' < 'banana', 'Z' < 'a', 'ab' < 'abc', 'b' > 'abc');
