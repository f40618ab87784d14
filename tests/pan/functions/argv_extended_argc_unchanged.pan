object template argv_extended_argc_unchanged;
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[1]="2"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[2]="4"
function f = { ARGV[3] = 'x'; list(ARGC, length(ARGV)); };
'/v' = f('a', 'b');
