object template key_by_index;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="c"
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[2]="x"
'/v' = { d = dict('m', 1, 'c', 2, 'x', 3); list(key(d, 0), key(d, 2)); };
