object template final_conditional_assign_ignored;
# @expect=/nlist[@name="profile"]/string[@name="fixed"]="x"
final '/fixed' = 'x';
'/fixed' ?= 'y';
