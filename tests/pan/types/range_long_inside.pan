object template range_long_inside;
# @expect=/nlist[@name="profile"]/long[@name="p"]="443"
bind '/p' = long(1..65535);
'/p' = 443;
