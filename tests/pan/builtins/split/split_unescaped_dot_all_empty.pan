object template split_unescaped_dot_all_empty;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=0
'/v' = split('.', 'a.b.c');
