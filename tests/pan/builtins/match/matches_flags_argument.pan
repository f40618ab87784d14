object template matches_flags_argument;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="string"]="B"
'/v' = matches('ABC', '(b)', 'i');
