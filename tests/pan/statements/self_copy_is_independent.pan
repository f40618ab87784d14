object template self_copy_is_independent;
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[1][name()="string"]="orig"
'/l' = list('orig');
'/l' = { copy = SELF; copy[0] = 'changed'; SELF; };
