object template length_of_list;
# @expect=/nlist[@name="profile"]/long[@name="v"]="4"
'/v' = length(list(1, 2, 3, 4));
