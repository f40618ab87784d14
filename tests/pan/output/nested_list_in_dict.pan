object template nested_list_in_dict;
# @expect=/nlist[@name="profile"]/*[@name="d"]/*[@name="l"]/*[1][name()="long"]="1"
# @expect=/nlist[@name="profile"]/*[@name="d"]/*[@name="l"]/*[2]/*[1][name()="long"]="2"
# @expect=name(/nlist/nlist[@name="d"]/list[@name="l"]/*[2])="list"
'/d' = dict('l', list(1, list(2)));
