object template logical_and_true;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = true && true;
