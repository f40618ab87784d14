object template logical_not_false;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = !false;
