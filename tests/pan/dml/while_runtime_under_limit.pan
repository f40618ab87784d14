object template while_runtime_under_limit;
# @expect=/nlist[@name="profile"]/long[@name="v"]="2000"
'/lim' = 2000;
'/v' = { n = 0; while (n < value('/lim')) n = n + 1; n; };
