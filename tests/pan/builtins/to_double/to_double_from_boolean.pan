object template to_double_from_boolean;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="double"]="1.0"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="double"]="0.0"
'/v' = list(to_double(true), to_double(false));
