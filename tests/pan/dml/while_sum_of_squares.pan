object template while_sum_of_squares;
# @expect=/nlist[@name="profile"]/long[@name="v"]="30"
'/v' = { i = 1; s = 0; while (i <= 4) { s = s + i * i; i = i + 1; }; s; };
