object template range_long_negative_bounds;
# @expect=/nlist[@name="profile"]/long[@name="p"]="-7"
bind '/p' = long(-10..-5);
'/p' = -7;
