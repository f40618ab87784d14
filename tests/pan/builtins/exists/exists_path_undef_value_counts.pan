object template exists_path_undef_value_counts;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/u' = undef;
'/v' = exists('/u');
'/u' = 'later';
