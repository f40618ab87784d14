object template join_varargs;
# @expect=/nlist[@name="profile"]/string[@name="v"]="x+y"
'/v' = join('+', 'x', 'y');
