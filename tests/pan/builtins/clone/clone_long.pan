object template clone_long;
# @expect=/nlist[@name="profile"]/long[@name="v"]="17"
'/v' = clone(17);
