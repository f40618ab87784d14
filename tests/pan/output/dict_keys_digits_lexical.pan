object template dict_keys_digits_lexical;
# @expect=/nlist/nlist[@name="d"]/*[1]/@name="k1"
# @expect=/nlist/nlist[@name="d"]/*[2]/@name="k10"
# @expect=/nlist/nlist[@name="d"]/*[3]/@name="k2"
'/d' = dict('k2', 1, 'k10', 2, 'k1', 3);
