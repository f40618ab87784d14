object template is_valid_string_length;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
type short_t = string(..3);
'/v' = list(is_valid(short_t, 'abc'), is_valid(short_t, 'abcd'));
