object template matches_unmatched_optional_group_empty;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[2]=""
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[3]="cd"
'/v' = matches('cd', '^(ab)?(cd)$');
