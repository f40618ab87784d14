object template user_function_argv_empty_list;
# @expect=count(/nlist[@name="profile"]/*[@name="v"]/*)=0
# @expect=/nlist[@name="profile"]/*[@name="v"]
function args = ARGV;
'/v' = args();
