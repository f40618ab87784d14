object template long_multiply_overflow_wraps;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-9223372036854775808"
'/v' = { x = 4611686018427387904; x * 2; };
