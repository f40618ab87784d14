object template precedence_left_associative_division;
# @expect=/nlist[@name="profile"]/long[@name="v"]="8"
'/v' = 64 / 4 / 2;
