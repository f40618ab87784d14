object template substr_negative_start_with_length;
# @expect=/nlist[@name="profile"]/string[@name="v"]="at"
'/v' = substr('configuration', -5, 2);
