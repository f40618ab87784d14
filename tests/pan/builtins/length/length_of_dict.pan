object template length_of_dict;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/v' = length(dict('a', 1, 'b', 2, 'c', 3));
