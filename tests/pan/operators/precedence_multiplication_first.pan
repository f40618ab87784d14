object template precedence_multiplication_first;
# @expect=/nlist[@name="profile"]/long[@name="v"]="14"
'/v' = 2 + 3 * 4;
