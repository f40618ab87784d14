object template to_long_radix_binary;
# @expect=/nlist[@name="profile"]/long[@name="v"]="15"
'/v' = to_long('1111', 2);
