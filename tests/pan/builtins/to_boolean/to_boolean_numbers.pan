object template to_boolean_numbers;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[4]="true"
'/v' = list(to_boolean(0), to_boolean(5), to_boolean(0.0), to_boolean(-0.1));
