object template if_true_branch;
# @expect=/nlist[@name="profile"]/string[@name="v"]="then"
'/v' = if (2 > 1) 'then' else 'else';
