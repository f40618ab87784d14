object template exists_list_element;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
'/v' = { l = list('a'); list(exists(l[0]), exists(l[1])); };
