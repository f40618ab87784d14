object template function_variable_name;
# @expect=/nlist[@name="profile"]/string[@name="v"]="myname"
function myname = FUNCTION;
'/v' = myname();
