object template logical_and_short_circuits;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = (1 > 2) && error('evaluated');
