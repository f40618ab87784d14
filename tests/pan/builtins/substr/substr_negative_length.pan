object template substr_negative_length;
# @expect=/nlist[@name="profile"]/string[@name="v"]="figurat"
'/v' = substr('configuration', 3, -3);
