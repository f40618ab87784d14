object template is_number_variants;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="false"
'/v' = list(is_number(1), is_number(1.5), is_number('1'));
