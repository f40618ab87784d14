object template unary_minus_double_variable;
# @expect=/nlist[@name="profile"]/double[@name="v"]="-4.5"
'/v' = { d = 4.5; -d; };
