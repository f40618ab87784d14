object template bitwise_not;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-8"
'/v' = ~7;
