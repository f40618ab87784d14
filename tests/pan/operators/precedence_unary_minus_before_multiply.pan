object template precedence_unary_minus_before_multiply;
# @expect=/nlist[@name="profile"]/long[@name="v"]="9"
'/v' = -3 * -3;
