object template dict_sorted_keys;
# @expect=/nlist/nlist[@name="v"]/*[1]/@name="x"
'/v' = dict('y', 1, 'x', 2);
