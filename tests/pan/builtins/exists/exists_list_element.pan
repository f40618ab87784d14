object template exists_list_element;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
'/v' = { l = list('a'); list(exists(l[0]), exists(l[1])); };
