object template prefix_trailing_slash_ignored;
# @expect=/nlist[@name="profile"]/*[@name="pre"]/string[@name="k"]="v"
prefix '/pre/';
'k' = 'v';
