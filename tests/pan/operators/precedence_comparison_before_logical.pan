object template precedence_comparison_before_logical;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = 2 * 2 == 4 && 1 < 2;
