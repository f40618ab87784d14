object template logical_or_false;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = false || false;
