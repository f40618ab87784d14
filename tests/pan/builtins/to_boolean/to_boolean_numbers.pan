object template to_boolean_numbers;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="boolean"]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[4][name()="boolean"]="true"
'/v' = list(to_boolean(0), to_boolean(5), to_boolean(0.0), to_boolean(-0.1));
