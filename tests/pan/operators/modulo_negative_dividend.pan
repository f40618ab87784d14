object template modulo_negative_dividend;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-3"
'/v' = -23 % 4;
