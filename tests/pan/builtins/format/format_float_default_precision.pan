object template format_float_default_precision;
# @expect=/nlist[@name="profile"]/string[@name="v"]="2.500000"
'/v' = format('%f', 2.5);
