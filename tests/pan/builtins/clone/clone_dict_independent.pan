object template clone_dict_independent;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1"
'/v' = { a = dict('k', 1); b = clone(a); b['k'] = 2; a['k']; };
