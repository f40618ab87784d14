object template to_long_double_rounds_half_up;
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[1]="4"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[2]="3"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[3]="-3"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[4]="-4"
'/v' = list(to_long(3.5), to_long(3.49), to_long(-3.5), to_long(-3.51));
