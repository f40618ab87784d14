object template final_conditional_on_missing_sets;
# @expect=/nlist[@name="profile"]/string[@name="fixed"]="x"
final '/fixed' ?= 'x';
