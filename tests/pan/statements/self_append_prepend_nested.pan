object template self_append_prepend_nested;
# @expect=/nlist[@name="profile"]/*[@name="x"]/*[@name="l"]/*[1][name()="long"]="1"
# @expect=/nlist[@name="profile"]/*[@name="x"]/*[@name="l"]/*[3][name()="long"]="3"
'/x/l' = list(2);
'/x/l' = append(3);
'/x/l' = prepend(1);
