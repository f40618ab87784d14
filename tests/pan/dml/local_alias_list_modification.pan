object template local_alias_list_modification;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="two"
'/v' = { a = list('one'); b = a; b[0] = 'two'; a; };
