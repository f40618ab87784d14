object template match_full_anchored;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = match('abc123', '^[a-z]+[0-9]+$');
