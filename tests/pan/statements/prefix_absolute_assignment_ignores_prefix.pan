object template prefix_absolute_assignment_ignores_prefix;
# @expect=/nlist[@name="profile"]/long[@name="abs"]="1"
# @expect=/nlist[@name="profile"]/*[@name="p"]/long[@name="rel"]="2"
prefix '/p';
'/abs' = 1;
'rel' = 2;
