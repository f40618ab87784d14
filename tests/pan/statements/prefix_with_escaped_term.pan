object template prefix_with_escaped_term;
# @expect=/nlist[@name="profile"]/*[@name="p"]/*[@name="x_2fy"]/long[@name="k"]="1"
prefix '/p/{x/y}';
'k' = 1;
