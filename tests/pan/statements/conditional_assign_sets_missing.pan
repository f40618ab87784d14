object template conditional_assign_sets_missing;
# @expect=/nlist[@name="profile"]/string[@name="opt"]="default"
'/opt' ?= 'default';
