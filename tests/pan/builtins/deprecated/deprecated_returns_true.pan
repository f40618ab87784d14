object template deprecated_returns_true;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = deprecated(0, 'old');
