object template is_valid_with_clause;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
type odd_t = long with SELF % 2 == 1;
'/v' = list(is_valid(odd_t, 3), is_valid(odd_t, 4));
