object template bind_list_builtin;
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[1][name()="string"]="x"
bind '/l' = list;
'/l' = list('x');
