object template substitute_from_dict;
# @expect=/nlist[@name="profile"]/string[@name="v"]="ann has 3 items"
'/v' = substitute('${who} has ${n} items', dict('who', 'ann', 'n', 3));
