object template match_case_sensitive;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = match('ABC', 'abc');
