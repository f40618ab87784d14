object template deprecated_high_level_returns_true;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = deprecated(7, 'older');
