object template undef_argument_counted;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="long"]="1"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="boolean"]="false"
function f = list(ARGC, is_defined(ARGV[0]));
'/v' = f(undef);
