object template dict_keys_underscore_between_cases;
# @expect=/nlist/nlist[@name="d"]/*[1]/@name="Q"
# @expect=/nlist/nlist[@name="d"]/*[2]/@name="_u"
# @expect=/nlist/nlist[@name="d"]/*[3]/@name="m"
'/d' = dict('m', 1, '_u', 2, 'Q', 3);
