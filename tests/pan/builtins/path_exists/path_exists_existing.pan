object template path_exists_existing;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/p/q' = 1;
'/v' = path_exists('/p/q');
