object template format_decimal_zero_padded;
# @expect=/nlist[@name="profile"]/string[@name="v"]="007"
'/v' = format('%03d', 7);
