object template final_conditional_variable_keeps_value;
# The value of `final variable X ?= ...` is the one X had.
# @expect=/nlist[@name="profile"]/string[@name="x"]="kept"
variable X = 'kept';
final variable X ?= 'ignored';
'/x' = X;
