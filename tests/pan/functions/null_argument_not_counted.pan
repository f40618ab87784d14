object template null_argument_not_counted;
# @expect=/nlist[@name="profile"]/long[@name="v"]="0"
function f = ARGC;
'/v' = f(null);
