object template delete_missing_key_noop;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1"
'/v' = { d = dict('a', 1); delete(d['nope']); length(d); };
