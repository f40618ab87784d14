object template to_long_boolean;
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[1]="1"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[2]="0"
'/v' = list(to_long(true), to_long(false));
