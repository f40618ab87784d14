object template assign_root_dict;
# @expect=/nlist[@name="profile"]/long[@name="x"]="1"
# @expect=/nlist[@name="profile"]/string[@name="y"]="z"
'/' = dict('x', 1, 'y', 'z');
