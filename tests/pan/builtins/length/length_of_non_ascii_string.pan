object template length_of_non_ascii_string;
# @expect=/nlist[@name="profile"]/long[@name="v"]="5"
'/v' = length('ñandú');
