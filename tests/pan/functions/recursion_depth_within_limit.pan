object template recursion_depth_within_limit;
# @expect=/nlist[@name="profile"]/long[@name="v"]="30"
function depth = if (ARGV[0] == 0) 0 else 1 + depth(ARGV[0] - 1);
'/v' = depth(30);
