object template self_delete_key;
# @expect=count(/nlist[@name="profile"]/*[@name="d"]/*)=2
# @expect=not(/nlist[@name="profile"]/*[@name="d"]/*[@name="b"])
'/d' = dict('a', 1, 'b', 2, 'c', 3);
'/d' = { delete(SELF['b']); SELF; };
