object template is_valid_record;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="boolean"]="false"
type kv_t = { 'k' : string 'v' ? long };
'/v' = list(is_valid(kv_t, dict('k', 'x')), is_valid(kv_t, dict('v', 1)), is_valid(kv_t, dict('k', 'x', 'z', 1)));
