object template json_decode_array;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="double"]="2.5"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="string"]="s"
'/v' = json_decode('[true, 2.5, "s"]');
