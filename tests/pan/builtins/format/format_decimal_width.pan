object template format_decimal_width;
# @expect=/nlist[@name="profile"]/string[@name="v"]="[   7]"
'/v' = format('[%4d]', 7);
