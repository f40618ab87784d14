object template to_string_dict_sorted;
# @expect=/nlist[@name="profile"]/string[@name="v"]="{ a, 1, b, 2 }"
'/v' = to_string(dict('b', 2, 'a', 1));
