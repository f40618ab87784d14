object template format_decimal;
# @expect=/nlist[@name="profile"]/string[@name="v"]="n=77"
'/v' = format('n=%d', 77);
