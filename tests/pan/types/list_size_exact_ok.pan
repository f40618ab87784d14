object template list_size_exact_ok;
# @expect=count(/nlist[@name="profile"]/*[@name="l"]/*)=3
bind '/l' = long[3];
'/l' = list(1, 2, 3);
