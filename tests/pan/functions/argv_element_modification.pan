object template argv_element_modification;
# @expect=/nlist[@name="profile"]/string[@name="v"]="hey!"
function f = { ARGV[0] = ARGV[0] + '!'; ARGV[0]; };
'/v' = f('hey');
