object template argv_extended_argc_unchanged;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="long"]="2"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="long"]="4"
function f = { ARGV[3] = 'x'; list(ARGC, length(ARGV)); };
'/v' = f('a', 'b');
