object template user_function_argv_is_list;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=2
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="string"]="two"
function args = ARGV;
'/v' = args(1, 'two');
