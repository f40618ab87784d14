object template to_long_huge_double_saturates;
# @expect=/nlist[@name="profile"]/long[@name="v"]="9223372036854775807"
'/v' = to_long(5e25);
