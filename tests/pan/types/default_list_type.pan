object template default_list_type;
# @expect=count(/nlist[@name="profile"]/*[@name="l"]/*)=2
bind '/l' = string[] = list('a', 'b');
'/other' = 1;
