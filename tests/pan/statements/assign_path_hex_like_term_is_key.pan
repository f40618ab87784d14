object template assign_path_hex_like_term_is_key;
# @expect=/nlist[@name="profile"]/*[@name="d"]/string[@name="0x2"]="h"
'/d/0x2' = 'h';
