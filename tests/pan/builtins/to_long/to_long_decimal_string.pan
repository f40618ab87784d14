object template to_long_decimal_string;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-314"
'/v' = to_long('-314');
