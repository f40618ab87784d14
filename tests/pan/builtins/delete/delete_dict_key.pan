object template delete_dict_key;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=1
# @expect=not(/nlist[@name="profile"]/*[@name="v"]/*[@name="b"])
'/v' = { d = dict('a', 1, 'b', 2); delete(d['b']); d; };
