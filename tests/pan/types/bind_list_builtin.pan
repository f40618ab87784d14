object template bind_list_builtin;
# @expect=/nlist[@name="profile"]/*[@name="l"]/string[1]="x"
bind '/l' = list;
'/l' = list('x');
