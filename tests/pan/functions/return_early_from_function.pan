object template return_early_from_function;
# @expect=/nlist[@name="profile"]/string[@name="a"]="neg"
# @expect=/nlist[@name="profile"]/string[@name="b"]="zero"
# @expect=/nlist[@name="profile"]/string[@name="c"]="pos"
function sign = { if (ARGV[0] < 0) return('neg'); if (ARGV[0] == 0) return('zero'); 'pos'; };
'/a' = sign(-3);
'/b' = sign(0);
'/c' = sign(8);
