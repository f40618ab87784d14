object template foreach_dict_sorted_keys;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[1]="Alpha"
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[2]="beta"
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[3]="zeta"
'/v' = { r = list(); foreach (k; v; dict('zeta', 1, 'Alpha', 2, 'beta', 3)) r[length(r)] = k; r; };
