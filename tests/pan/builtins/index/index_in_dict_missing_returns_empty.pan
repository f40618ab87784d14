object template index_in_dict_missing_returns_empty;
# @expect=/nlist[@name="profile"]/string[@name="v"]=""
'/v' = index(5, dict('one', 1));
