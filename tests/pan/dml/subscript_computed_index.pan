object template subscript_computed_index;
# @expect=/nlist[@name="profile"]/long[@name="v"]="7"
'/v' = { l = list(5, 6, 7, 8); i = 1; l[i * 2]; };
