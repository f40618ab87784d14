object template format_float_half_up;
# @expect=/nlist[@name="profile"]/string[@name="v"]="1"
'/v' = format('%.0f', 0.5);
