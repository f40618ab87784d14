object template path_exists_missing;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = path_exists('/nothing/here');
