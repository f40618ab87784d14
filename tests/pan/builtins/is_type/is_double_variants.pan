object template is_double_variants;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
'/v' = list(is_double(3.0), is_double(3));
