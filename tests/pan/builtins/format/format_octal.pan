object template format_octal;
# @expect=/nlist[@name="profile"]/string[@name="v"]="100"
'/v' = format('%o', 64);
