object template list_of_longs_ok;
# @expect=count(/nlist[@name="profile"]/*[@name="l"]/*)=2
bind '/l' = long[];
'/l' = list(4, 5);
