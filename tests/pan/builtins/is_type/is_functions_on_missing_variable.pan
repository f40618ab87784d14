object template is_functions_on_missing_variable;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="false"
'/v' = list(is_string(ghost), is_list(ghost), is_null(ghost));
