object template exists_path_absent;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = exists('/not/here');
