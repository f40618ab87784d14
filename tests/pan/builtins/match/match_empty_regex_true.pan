object template match_empty_regex_true;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = match('anything', '');
