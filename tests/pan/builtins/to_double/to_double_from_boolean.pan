object template to_double_from_boolean;
# @expect=/nlist[@name="profile"]/*[@name="v"]/double[1]="1.0"
# @expect=/nlist[@name="profile"]/*[@name="v"]/double[2]="0.0"
'/v' = list(to_double(true), to_double(false));
