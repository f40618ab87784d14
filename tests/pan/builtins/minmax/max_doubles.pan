object template max_doubles;
# @expect=/nlist[@name="profile"]/double[@name="v"]="1.5"
'/v' = max(1.25, 1.5);
