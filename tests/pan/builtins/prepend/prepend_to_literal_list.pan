object template prepend_to_literal_list;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="a"
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[2]="b"
'/v' = prepend(list('b'), 'a');
