object template range_long_min_only_large_ok;
# @expect=/nlist[@name="profile"]/long[@name="p"]="9223372036854775807"
bind '/p' = long(10..);
'/p' = 9223372036854775807;
