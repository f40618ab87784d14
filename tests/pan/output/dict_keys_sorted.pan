object template dict_keys_sorted;
# @expect=/nlist/nlist[@name="d"]/*[1]/@name="apple"
# @expect=/nlist/nlist[@name="d"]/*[2]/@name="fig"
# @expect=/nlist/nlist[@name="d"]/*[3]/@name="pear"
'/d' = dict('pear', 1, 'apple', 2, 'fig', 3);
