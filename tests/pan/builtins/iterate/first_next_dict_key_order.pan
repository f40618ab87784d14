object template first_next_dict_key_order;
# @expect=/nlist[@name="profile"]/string[@name="v"]="Cab"
'/v' = { d = dict('b', 1, 'a', 2, 'C', 3); r = ''; ok = first(d, k, x); while (ok) { r = r + k; ok = next(d, k, x); }; r; };
