object template precedence_left_associative_subtraction;
# @expect=/nlist[@name="profile"]/long[@name="v"]="12"
'/v' = 20 - 5 - 3;
