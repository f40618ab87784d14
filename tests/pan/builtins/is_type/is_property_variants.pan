object template is_property_variants;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="boolean"]="false"
'/v' = list(is_property('x'), is_property(1), is_property(list()));
