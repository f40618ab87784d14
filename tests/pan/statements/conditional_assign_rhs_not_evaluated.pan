object template conditional_assign_rhs_not_evaluated;
# @expect=/nlist[@name="profile"]/string[@name="opt"]="set"
'/opt' = 'set';
'/opt' ?= error('must not run');
