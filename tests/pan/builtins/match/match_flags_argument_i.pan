object template match_flags_argument_i;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = match('Hello', '^hello$', 'i');
