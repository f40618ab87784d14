object template unary_plus;
# @expect=/nlist[@name="profile"]/long[@name="v"]="8"
'/v' = +8;
