object template format_decimal_left_justified;
# @expect=/nlist[@name="profile"]/string[@name="v"]="[7   ]"
'/v' = format('[%-4d]', 7);
