object template function_variable_outside_function_undefined;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = is_defined(FUNCTION);
