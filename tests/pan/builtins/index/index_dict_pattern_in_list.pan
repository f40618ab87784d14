object template index_dict_pattern_in_list;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1"
'/v' = index(dict('role', 'db'), list(dict('role', 'web'), dict('role', 'db', 'n', 1)));
