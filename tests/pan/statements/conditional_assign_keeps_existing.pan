object template conditional_assign_keeps_existing;
# @expect=/nlist[@name="profile"]/string[@name="opt"]="user"
'/opt' = 'user';
'/opt' ?= 'default';
