object template double_exponent_uppercase_plus;
# @expect=/nlist[@name="profile"]/double[@name="v"]="40.0"
'/v' = 4.0E+1;
