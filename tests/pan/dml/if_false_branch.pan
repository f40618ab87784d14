object template if_false_branch;
# @expect=/nlist[@name="profile"]/string[@name="v"]="else"
'/v' = if (2 < 1) 'then' else 'else';
