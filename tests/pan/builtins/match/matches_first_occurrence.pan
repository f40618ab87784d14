object template matches_first_occurrence;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="x1"
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[3]="1"
'/v' = matches('x1 y2', '([a-z])(\d)');
