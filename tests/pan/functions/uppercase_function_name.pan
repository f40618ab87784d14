object template uppercase_function_name;
# @expect=/nlist[@name="profile"]/long[@name="v"]="42"
function DOUBLE_IT = ARGV[0] * 2;
'/v' = DOUBLE_IT(21);
