object template prefix_relative_resets_to_absolute_parent;
# @expect=/nlist[@name="profile"]/*[@name="base"]/*[@name="one"]/long[@name="a"]="1"
# @expect=/nlist[@name="profile"]/*[@name="base"]/*[@name="two"]/long[@name="b"]="2"
prefix '/base';
prefix 'one';
'a' = 1;
prefix 'two';
'b' = 2;
