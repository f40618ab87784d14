object template to_uppercase_empty;
# @expect=/nlist[@name="profile"]/string[@name="v"]=""
'/v' = to_uppercase('');
