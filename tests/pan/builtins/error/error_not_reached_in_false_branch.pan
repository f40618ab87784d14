object template error_not_reached_in_false_branch;
# @expect=/nlist[@name="profile"]/string[@name="v"]="fine"
'/v' = if (true) 'fine' else error('nope');
