object template length_of_string;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/v' = length('pan');
