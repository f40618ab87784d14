object template foreach_dict_values;
# @expect=/nlist[@name="profile"]/long[@name="v"]="11"
'/v' = { s = 0; foreach (k; v; dict('a', 5, 'b', 6)) s = s + v; s; };
