object template exists_dict_key;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
'/v' = { d = dict('k', 0); list(exists(d['k']), exists(d['z'])); };
