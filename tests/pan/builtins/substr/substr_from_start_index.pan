object template substr_from_start_index;
# @expect=/nlist[@name="profile"]/string[@name="v"]="uration"
'/v' = substr('configuration', 6);
