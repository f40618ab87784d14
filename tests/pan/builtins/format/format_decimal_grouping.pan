object template format_decimal_grouping;
# @expect=/nlist[@name="profile"]/string[@name="v"]="9,876,543"
'/v' = format('%,d', 9876543);
