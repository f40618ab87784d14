object template compare_longs;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[4]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[5]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[6]="false"
'/v' = list(3 < 4, 3 <= 3, 4 > 3, 4 >= 5, 3 == 3, 3 != 3);
