object template prefix_not_inherited_by_include;
# @expect=/nlist[@name="profile"]/*[@name="outer"]/long[@name="x"]="1"
# @expect=/nlist[@name="profile"]/*[@name="outer"]/long[@name="y"]="2"
# @expect=/nlist[@name="profile"]/string[@name="abs"]="a"
prefix '/outer';
'x' = 1;
include 'abs_only';
'y' = 2;
