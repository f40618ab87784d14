object template while_never_runs_is_undef;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = is_defined(while (1 > 2) 'x');
