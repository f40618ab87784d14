object template json_decode_nested;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[@name="a"]/*[@name="b"]/*[2]/string[@name="c"]="d"
'/v' = json_decode('{"a": {"b": [1, {"c": "d"}]}}');
