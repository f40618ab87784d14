object template final_child_sibling_allowed;
# @expect=/nlist[@name="profile"]/*[@name="cfg"]/long[@name="a"]="1"
# @expect=/nlist[@name="profile"]/*[@name="cfg"]/long[@name="b"]="2"
final '/cfg/a' = 1;
'/cfg/b' = 2;
