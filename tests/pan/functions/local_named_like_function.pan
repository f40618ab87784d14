object template local_named_like_function;
# @expect=/nlist[@name="profile"]/long[@name="v"]="15"
function g = 10;
'/v' = { g = 5; g + g(); };
