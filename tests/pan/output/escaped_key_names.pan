object template escaped_key_names;
# @expect=/nlist/nlist[@name="d"]/long[@name="with_20space"]="1"
# @expect=/nlist/nlist[@name="d"]/long[@name="a_2db"]="2"
'/d/{with space}' = 1;
'/d/{a-b}' = 2;
