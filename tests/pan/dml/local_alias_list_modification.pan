object template local_alias_list_modification;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="two"
'/v' = { a = list('one'); b = a; b[0] = 'two'; a; };
