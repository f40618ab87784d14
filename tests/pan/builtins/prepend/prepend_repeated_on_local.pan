object template prepend_repeated_on_local;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="a"
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[3]="c"
'/v' = { prepend(acc, 'c'); prepend(acc, 'b'); prepend(acc, 'a'); };
