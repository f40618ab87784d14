object template match_backreference;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = match('xyxy', '^(xy)\1$');
