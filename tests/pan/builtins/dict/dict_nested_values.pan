object template dict_nested_values;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[@name="d"]/string[@name="k"]="v"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[@name="l"]/*[1][name()="long"]="1"
'/v' = dict('l', list(1), 'd', dict('k', 'v'));
