object template while_constant_over_1000_deferred_to_runtime;
# A constant block is folded with a fixed limit of 1000 iterations; past it panc runs the
# block again at run time, where --max-iteration (10000 here) applies.
# @expect=/nlist[@name="profile"]/long[@name="v"]=1500
'/v' = { n = 0; while (n < 1500) n = n + 1; n; };
