object template is_valid_range;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
type pct_t = long(0..100);
'/v' = list(is_valid(pct_t, 100), is_valid(pct_t, 101));
