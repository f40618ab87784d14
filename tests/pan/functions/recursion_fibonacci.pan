object template recursion_fibonacci;
# @expect=/nlist[@name="profile"]/long[@name="v"]="610"
function fib = if (ARGV[0] < 2) ARGV[0] else fib(ARGV[0] - 1) + fib(ARGV[0] - 2);
'/v' = fib(15);
