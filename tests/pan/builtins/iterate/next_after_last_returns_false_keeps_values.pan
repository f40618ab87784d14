object template next_after_last_returns_false_keeps_values;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="boolean"]="true"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="long"]="0"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[4][name()="string"]="only"
'/v' = { l = list('only'); a = first(l, k, x); b = next(l, k, x); list(a, b, k, x); };
