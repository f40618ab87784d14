object template foreach_list_keys_and_values;
# @expect=/nlist[@name="profile"]/string[@name="v"]="0p1q"
'/v' = { r = ''; foreach (k; v; list('p', 'q')) r = r + to_string(k) + v; r; };
