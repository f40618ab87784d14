object template path_exists_parent;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/p/q' = 1;
'/v' = path_exists('/p');
