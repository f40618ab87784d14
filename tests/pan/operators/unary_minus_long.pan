object template unary_minus_long;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-9"
'/v' = -(9);
