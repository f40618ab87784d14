object template matches_first_occurrence;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="x1"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="string"]="1"
'/v' = matches('x1 y2', '([a-z])(\d)');
