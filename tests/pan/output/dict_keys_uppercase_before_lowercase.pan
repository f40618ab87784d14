object template dict_keys_uppercase_before_lowercase;
# @expect=/nlist/nlist[@name="d"]/*[1]/@name="C"
# @expect=/nlist/nlist[@name="d"]/*[2]/@name="a"
'/d' = dict('b', 1, 'C', 2, 'a', 3);
