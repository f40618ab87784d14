object template self_copy_is_independent;
# @expect=/nlist[@name="profile"]/*[@name="l"]/string[1]="orig"
'/l' = list('orig');
'/l' = { copy = SELF; copy[0] = 'changed'; SELF; };
