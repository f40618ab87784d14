object template template_variable_in_function_is_caller;
# @expect=/nlist[@name="profile"]/string[@name="w"]="template_variable_in_function_is_caller"
include 'lib_where';
'/w' = where_am_i();
