object template dict_of_longs_ok;
# @expect=/nlist[@name="profile"]/*[@name="d"]/long[@name="y"]="2"
bind '/d' = long{};
'/d' = dict('x', 1, 'y', 2);
