object template compare_long_with_double;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="true"
'/v' = list(2 == 2.0, 2 < 2.5, 3.0 >= 3);
