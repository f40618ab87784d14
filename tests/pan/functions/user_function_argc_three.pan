object template user_function_argc_three;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
function count_args = ARGC;
'/v' = count_args('a', 'b', 'c');
