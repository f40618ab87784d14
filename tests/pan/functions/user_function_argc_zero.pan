object template user_function_argc_zero;
# @expect=/nlist[@name="profile"]/long[@name="v"]="0"
function count_args = ARGC;
'/v' = count_args();
