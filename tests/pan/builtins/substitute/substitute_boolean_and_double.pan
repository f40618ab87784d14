object template substitute_boolean_and_double;
# @expect=/nlist[@name="profile"]/string[@name="v"]="false/0.5"
'/v' = substitute('${b}/${d}', dict('b', false, 'd', 0.5));
