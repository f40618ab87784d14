object template append_to_self_existing;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="long"]="6"
'/v' = list(5);
'/v' = append(6);
