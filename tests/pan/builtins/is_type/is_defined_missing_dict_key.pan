object template is_defined_missing_dict_key;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = { d = dict(); is_defined(d['k']); };
