object template prefix_relative_extends;
# @expect=/nlist[@name="profile"]/*[@name="base"]/*[@name="sub"]/long[@name="leaf"]="1"
prefix '/base';
prefix 'sub';
'leaf' = 1;
