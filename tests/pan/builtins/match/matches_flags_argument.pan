object template matches_flags_argument;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[2]="B"
'/v' = matches('ABC', '(b)', 'i');
