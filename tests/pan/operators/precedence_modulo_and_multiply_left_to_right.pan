object template precedence_modulo_and_multiply_left_to_right;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/v' = 3 * 5 % 4;
