object template self_add_dict_key;
# @expect=/nlist[@name="profile"]/*[@name="d"]/string[@name="b"]="y"
'/d' = dict('a', 'x');
'/d' = { SELF['b'] = 'y'; SELF; };
