object template format_exponent;
# @expect=/nlist[@name="profile"]/string[@name="v"]="1.5e+03"
'/v' = format('%.1e', 1500.0);
