object template same_function_template_twice_ok;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1"
include 'fn_one';
include 'fn_one';
'/v' = shared();
