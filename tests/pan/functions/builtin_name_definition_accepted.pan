object template builtin_name_definition_accepted;
# @expect=/nlist[@name="profile"]/string[@name="v"]="ok"
function substr = 'mine';
'/v' = 'ok';
