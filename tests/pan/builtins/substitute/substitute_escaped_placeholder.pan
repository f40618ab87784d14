object template substitute_escaped_placeholder;
# @expect=/nlist[@name="profile"]/string[@name="v"]="${keep} y"
'/v' = substitute('$${keep} ${x}', dict('x', 'y'));
