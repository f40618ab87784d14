object template is_number_variants;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="boolean"]="false"
'/v' = list(is_number(1), is_number(1.5), is_number('1'));
