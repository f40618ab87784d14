object template is_valid_string_length;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
type short_t = string(..3);
'/v' = list(is_valid(short_t, 'abc'), is_valid(short_t, 'abcd'));
