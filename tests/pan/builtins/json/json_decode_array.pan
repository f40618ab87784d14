object template json_decode_array;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/double[2]="2.5"
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[3]="s"
'/v' = json_decode('[true, 2.5, "s"]');
