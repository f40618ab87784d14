object template exists_dict_key;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
'/v' = { d = dict('k', 0); list(exists(d['k']), exists(d['z'])); };
