object template format_string_precision;
# @expect=/nlist[@name="profile"]/string[@name="v"]="tru"
'/v' = format('%.3s', 'truncate');
