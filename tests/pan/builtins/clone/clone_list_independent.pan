object template clone_list_independent;
# @expect=/nlist[@name="profile"]/string[@name="v"]="y"
'/v' = { a = list('x', list('y')); b = clone(a); b[1][0] = 'z'; a[1][0]; };
