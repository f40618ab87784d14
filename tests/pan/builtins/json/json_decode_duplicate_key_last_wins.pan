object template json_decode_duplicate_key_last_wins;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[@name="k"]="second"
'/v' = json_decode('{"k": "first", "k": "second"}');
