object template debug_returns_undef;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = is_defined(debug('a debug message'));
