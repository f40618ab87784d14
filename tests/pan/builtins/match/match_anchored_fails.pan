object template match_anchored_fails;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = match('hostname01', '^[0-9]+$');
