object template is_valid_type_in_dml;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
type small_t = long(0..9);
'/v' = { r = list(); foreach (i; x; list(3, 30)) r[i] = is_valid(small_t, x); r; };
