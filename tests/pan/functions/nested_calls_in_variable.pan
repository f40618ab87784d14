object template nested_calls_in_variable;
# @expect=/nlist[@name="profile"]/string[@name="v"]="deep"
function id = ARGV[0];
variable V = id(id(id('deep')));
'/v' = V;
