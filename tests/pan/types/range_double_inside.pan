object template range_double_inside;
# @expect=/nlist[@name="profile"]/double[@name="d"]="9.99"
bind '/d' = double(0..10);
'/d' = 9.99;
