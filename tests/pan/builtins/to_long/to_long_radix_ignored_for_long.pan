object template to_long_radix_ignored_for_long;
# @expect=/nlist[@name="profile"]/long[@name="v"]="99"
'/v' = to_long(99, 2);
