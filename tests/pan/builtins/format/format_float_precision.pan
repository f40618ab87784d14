object template format_float_precision;
# @expect=/nlist[@name="profile"]/string[@name="v"]="0.667"
'/v' = format('%.3f', 2.0 / 3);
