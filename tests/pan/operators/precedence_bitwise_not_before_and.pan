object template precedence_bitwise_not_before_and;
# @expect=/nlist[@name="profile"]/long[@name="v"]="5"
'/v' = ~2 & 7;
