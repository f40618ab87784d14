object template is_valid_builtin_long;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
'/v' = list(is_valid(long, 5), is_valid(long, 'x'));
