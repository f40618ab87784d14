object template is_valid_type_in_dml;
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[1]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
type small_t = long(0..9);
'/v' = { r = list(); foreach (i; x; list(3, 30)) r[i] = is_valid(small_t, x); r; };
