object template substr_zero_length;
# @expect=/nlist[@name="profile"]/string[@name="v"]=""
'/v' = substr('abc', 0, 0);
