object template traceback_returns_undef;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = is_defined(traceback('tb'));
