object template is_valid_record;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[3]="false"
type kv_t = { 'k' : string 'v' ? long };
'/v' = list(is_valid(kv_t, dict('k', 'x')), is_valid(kv_t, dict('v', 1)), is_valid(kv_t, dict('k', 'x', 'z', 1)));
