object template path_exists_list_index;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
'/l' = list('a');
'/v' = list(path_exists('/l/0'), path_exists('/l/1'));
