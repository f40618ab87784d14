object template is_valid_range;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
type pct_t = long(0..100);
'/v' = list(is_valid(pct_t, 100), is_valid(pct_t, 101));
