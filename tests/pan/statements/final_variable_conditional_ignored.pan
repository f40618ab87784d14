object template final_variable_conditional_ignored;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a"
final variable LOCKED = 'a';
variable LOCKED ?= 'b';
'/v' = LOCKED;
