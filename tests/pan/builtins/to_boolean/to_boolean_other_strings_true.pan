object template to_boolean_other_strings_true;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="boolean"]="true"
'/v' = list(to_boolean('true'), to_boolean('off'), to_boolean('0'));
