object template json_decode_lenient_unquoted_key;
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[@name="bare"]="5"
'/v' = json_decode('{bare: 5}');
