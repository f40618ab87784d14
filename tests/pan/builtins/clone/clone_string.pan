object template clone_string;
# @expect=/nlist[@name="profile"]/string[@name="v"]="text"
'/v' = clone('text');
