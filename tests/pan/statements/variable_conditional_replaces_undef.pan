object template variable_conditional_replaces_undef;
# @expect=/nlist[@name="profile"]/string[@name="o"]="filled"
variable OPT = undef;
variable OPT ?= 'filled';
'/o' = OPT;
