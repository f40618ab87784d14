object template format_decimal_plus_flag;
# @expect=/nlist[@name="profile"]/string[@name="v"]="+12"
'/v' = format('%+d', 12);
