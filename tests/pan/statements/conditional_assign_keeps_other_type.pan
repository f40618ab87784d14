object template conditional_assign_keeps_other_type;
# @expect=/nlist[@name="profile"]/long[@name="opt"]="5"
'/opt' = 5;
'/opt' ?= 'string';
