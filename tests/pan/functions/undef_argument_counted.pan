object template undef_argument_counted;
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[1]="1"
# @expect=/nlist[@name="profile"]/*[@name="v"]/boolean[2]="false"
function f = list(ARGC, is_defined(ARGV[0]));
'/v' = f(undef);
