object template exists_path_present;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/here' = 'x';
'/v' = exists('/here');
