object template path_exists_through_property;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/s' = 'str';
'/v' = path_exists('/s/child');
