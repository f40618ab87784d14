object template to_boolean_other_strings_true;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="true"
'/v' = list(to_boolean('true'), to_boolean('off'), to_boolean('0'));
