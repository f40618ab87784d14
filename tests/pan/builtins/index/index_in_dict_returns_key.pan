object template index_in_dict_returns_key;
# @expect=/nlist[@name="profile"]/string[@name="v"]="two"
'/v' = index(2, dict('one', 1, 'two', 2));
