object template matches_unmatched_optional_group_empty;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="string"]=""
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="string"]="cd"
'/v' = matches('cd', '^(ab)?(cd)$');
