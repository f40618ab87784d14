object template to_long_radix_base36;
# @expect=/nlist[@name="profile"]/long[@name="v"]="36"
'/v' = to_long('10', 36);
