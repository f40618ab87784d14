object template json_roundtrip_structure;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[@name="l"]/*[1][name()="string"]="a"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[@name="b"]="false"
'/v' = json_decode(json_encode(dict('l', list('a', 1), 'b', false)));
