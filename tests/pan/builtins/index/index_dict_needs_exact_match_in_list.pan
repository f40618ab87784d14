object template index_dict_needs_exact_match_in_list;
# index() compares with Java equals: a dict matches only an equal dict, not a superset.
# @expect=/nlist[@name="profile"]/long[@name="v"]=-1
# @expect=/nlist[@name="profile"]/long[@name="w"]=1
'/v' = index(dict('role', 'db'), list(dict('role', 'web'), dict('role', 'db', 'n', 1)));
'/w' = index(dict('role', 'db'), list(dict('role', 'web'), dict('role', 'db')));
