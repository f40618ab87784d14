object template substitute_list_value;
# @expect=/nlist[@name="profile"]/string[@name="v"]="[ a, b ]"
'/v' = substitute('${l}', dict('l', list('a', 'b')));
