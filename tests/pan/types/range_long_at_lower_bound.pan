object template range_long_at_lower_bound;
# @expect=/nlist[@name="profile"]/long[@name="p"]="1"
bind '/p' = long(1..65535);
'/p' = 1;
