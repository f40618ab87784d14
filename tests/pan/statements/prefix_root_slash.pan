object template prefix_root_slash;
# @expect=/nlist[@name="profile"]/string[@name="top"]="t"
prefix '/';
'top' = 't';
