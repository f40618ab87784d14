object template debug_argument_not_evaluated;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
function explode = error('should not run');
'/v' = is_defined(debug(explode()));
