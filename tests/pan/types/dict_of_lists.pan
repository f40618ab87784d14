object template dict_of_lists;
# @expect=count(/nlist[@name="profile"]/*[@name="d"]/*[@name="b"]/*)=0
bind '/d' = long[]{};
'/d' = dict('a', list(1), 'b', list());
