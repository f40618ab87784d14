object template merge_dicts_disjoint;
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[@name="x"]="1"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[@name="y"]="2"
'/v' = merge(dict('x', 1), dict('y', 2));
