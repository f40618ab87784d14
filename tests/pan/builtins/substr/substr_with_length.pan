object template substr_with_length;
# @expect=/nlist[@name="profile"]/string[@name="v"]="config"
'/v' = substr('configuration', 0, 6);
