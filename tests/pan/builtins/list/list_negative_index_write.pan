object template list_negative_index_write;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="long"]="30"
'/v' = { l = list(1, 2, 3); l[-1] = 30; l; };
