object template subscript_nested_access;
# @expect=/nlist[@name="profile"]/string[@name="v"]="deep"
'/v' = { d = dict('outer', list(dict('inner', 'deep'))); d['outer'][0]['inner']; };
