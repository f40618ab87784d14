object template substr_start_equals_length_empty;
# @expect=/nlist[@name="profile"]/string[@name="v"]=""
'/v' = substr('abc', 3);
