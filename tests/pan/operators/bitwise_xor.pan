object template bitwise_xor;
# @expect=/nlist[@name="profile"]/long[@name="v"]="10"
'/v' = 15 ^ 5;
