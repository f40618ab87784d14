object template conditional_assign_replaces_undef;
# @expect=/nlist[@name="profile"]/string[@name="opt"]="filled"
'/opt' = undef;
'/opt' ?= 'filled';
