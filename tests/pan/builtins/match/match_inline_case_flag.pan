object template match_inline_case_flag;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = match('ABC', '(?i)abc');
