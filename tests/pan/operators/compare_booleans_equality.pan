object template compare_booleans_equality;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = false == false;
