object template mutual_recursion;
# @expect=/nlist[@name="profile"]/string[@name="a"]="ping"
# @expect=/nlist[@name="profile"]/string[@name="b"]="pong"
function ping = if (ARGV[0] <= 0) 'ping' else pong(ARGV[0] - 1);
function pong = if (ARGV[0] <= 0) 'pong' else ping(ARGV[0] - 1);
'/a' = ping(4);
'/b' = ping(5);
