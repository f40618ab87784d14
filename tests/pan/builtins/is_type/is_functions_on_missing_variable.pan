object template is_functions_on_missing_variable;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="boolean"]="false"
'/v' = list(is_string(ghost), is_list(ghost), is_null(ghost));
