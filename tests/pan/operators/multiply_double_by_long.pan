object template multiply_double_by_long;
# @expect=/nlist[@name="profile"]/double[@name="v"]="6.0"
'/v' = 1.5 * 4;
