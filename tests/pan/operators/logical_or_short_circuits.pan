object template logical_or_short_circuits;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = (2 > 1) || error('evaluated');
