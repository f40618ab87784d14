object template value_of_list_element;
# @expect=/nlist[@name="profile"]/string[@name="v"]="p"
'/l' = list('p', 'q');
'/v' = value('/l/0');
