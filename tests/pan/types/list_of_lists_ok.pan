object template list_of_lists_ok;
# @expect=/nlist[@name="profile"]/*[@name="m"]/*[2]/*[2][name()="string"]="c"
bind '/m' = string[][];
'/m' = list(list('a'), list('b', 'c'));
