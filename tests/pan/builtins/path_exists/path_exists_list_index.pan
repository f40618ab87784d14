object template path_exists_list_index;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
'/l' = list('a');
'/v' = list(path_exists('/l/0'), path_exists('/l/1'));
