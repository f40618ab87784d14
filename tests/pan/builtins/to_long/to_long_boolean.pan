object template to_long_boolean;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="long"]="1"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="long"]="0"
'/v' = list(to_long(true), to_long(false));
