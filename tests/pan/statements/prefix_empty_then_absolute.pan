object template prefix_empty_then_absolute;
# @expect=/nlist[@name="profile"]/*[@name="p"]/long[@name="x"]="1"
# @expect=/nlist[@name="profile"]/long[@name="q"]="2"
prefix '/p';
'x' = 1;
prefix '';
'/q' = 2;
