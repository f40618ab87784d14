object template user_function_adds_arguments;
# @expect=/nlist[@name="profile"]/long[@name="v"]="42"
function plus = ARGV[0] + ARGV[1];
'/v' = plus(40, 2);
