object template match_substring_found;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = match('hostname01', '[0-9]+');
