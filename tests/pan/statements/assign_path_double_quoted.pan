object template assign_path_double_quoted;
# @expect=/nlist[@name="profile"]/*[@name="dq"]/string[@name="key"]="v"
"/dq/key" = 'v';
