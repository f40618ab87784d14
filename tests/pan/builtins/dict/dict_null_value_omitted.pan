object template dict_null_value_omitted;
# @expect=not(/nlist[@name="profile"]/*[@name="v"]/*[@name="gone"])
'/v' = dict('a', 1, 'gone', null);
