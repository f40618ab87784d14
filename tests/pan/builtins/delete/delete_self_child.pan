object template delete_self_child;
# @expect=not(/nlist[@name="profile"]/*[@name="d"]/*[@name="drop"])
'/d' = dict('keep', 1, 'drop', 2);
'/d' = { delete(SELF['drop']); SELF; };
