object template variable_self_dict_update;
# @expect=/nlist[@name="profile"]/*[@name="d"]/long[@name="y"]="2"
# @expect=/nlist[@name="profile"]/*[@name="d"]/long[@name="x"]="1"
variable D = dict('x', 1);
variable D = { SELF['y'] = 2; SELF; };
'/d' = D;
