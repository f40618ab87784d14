object template to_boolean_false_string_any_case;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
'/v' = list(to_boolean('false'), to_boolean('FaLsE'));
