object template json_decode_object;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[@name="name"]="x"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[@name="n"]="3"
'/v' = json_decode('{"name": "x", "n": 3}');
