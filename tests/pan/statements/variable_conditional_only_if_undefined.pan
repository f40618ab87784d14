object template variable_conditional_only_if_undefined;
# @expect=/nlist[@name="profile"]/string[@name="o"]="first"
variable OPT ?= 'first';
variable OPT ?= 'second';
'/o' = OPT;
