object template long_max_plus_one_wraps;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-9223372036854775807"
'/v' = 9223372036854775807 + 2;
