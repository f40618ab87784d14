object template is_boolean_variants;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="false"
'/v' = list(is_boolean(true), is_boolean('true'), is_boolean(0));
