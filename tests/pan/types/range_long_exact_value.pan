object template range_long_exact_value;
# @expect=/nlist[@name="profile"]/long[@name="p"]="8"
bind '/p' = long(8);
'/p' = 8;
