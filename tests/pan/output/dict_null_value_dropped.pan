object template dict_null_value_dropped;
# @expect=count(/nlist[@name="profile"]/*[@name="d"]/*)=1
'/d' = dict('a', 'keep', 'b', null);
