object template variadic_sum_of_longs;
# @expect=/nlist[@name="profile"]/long[@name="v"]="30"
function sum_all = { s = 0; foreach (i; x; ARGV) s = s + x; s; };
'/v' = sum_all(5, 10, 15);
