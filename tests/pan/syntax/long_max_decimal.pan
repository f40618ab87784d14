object template long_max_decimal;
# @expect=/nlist[@name="profile"]/long[@name="v"]="9223372036854775807"
'/v' = 9223372036854775807;
