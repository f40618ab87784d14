object template long_decimal_literal;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1234567"
'/v' = 1234567;
