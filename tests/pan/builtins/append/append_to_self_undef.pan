object template append_to_self_undef;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="long"]="3"
'/v' = undef;
'/v' = append(3);
