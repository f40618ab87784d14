object template long_overflow_runtime_wraps;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-9223372036854775799"
'/v' = { big = 9223372036854775807; big + 10; };
