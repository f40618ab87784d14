object template to_boolean_false_string_any_case;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
'/v' = list(to_boolean('false'), to_boolean('FaLsE'));
