object template foreach_dict_sorted_keys;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[1][name()="string"]="Alpha"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[2][name()="string"]="beta"
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[3][name()="string"]="zeta"
'/v' = { r = list(); foreach (k; v; dict('zeta', 1, 'Alpha', 2, 'beta', 3)) r[length(r)] = k; r; };
