object template subscript_list_negative_index;
# @expect=/nlist[@name="profile"]/string[@name="v"]="y"
'/v' = { l = list('x', 'y', 'z'); l[-2]; };
