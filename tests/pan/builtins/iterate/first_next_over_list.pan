object template first_next_over_list;
# @expect=/nlist[@name="profile"]/long[@name="v"]="12"
'/v' = { l = list(3, 4, 5); s = 0; ok = first(l, k, x); while (ok) { s = s + x; ok = next(l, k, x); }; s; };
