object template substr_negative_start;
# @expect=/nlist[@name="profile"]/string[@name="v"]="ion"
'/v' = substr('configuration', -3);
