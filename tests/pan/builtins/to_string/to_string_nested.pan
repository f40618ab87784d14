object template to_string_nested;
# @expect=/nlist[@name="profile"]/string[@name="v"]="{ k, [ 1, [  ] ] }"
'/v' = to_string(dict('k', list(1, list())));
