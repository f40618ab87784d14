object template prepend_to_self_existing;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="long"]="1"
'/v' = list(2);
'/v' = prepend(1);
