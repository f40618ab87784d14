object template replace_empty_regex_inserts_everywhere;
# @expect=/nlist[@name="profile"]/string[@name="v"]=".a.b."
'/v' = replace('', '.', 'ab');
