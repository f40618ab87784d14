object template length_of_empty_string;
# @expect=/nlist[@name="profile"]/long[@name="v"]="0"
'/v' = length('');
