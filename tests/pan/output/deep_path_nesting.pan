object template deep_path_nesting;
# @expect=/nlist[@name="profile"]/*[@name="a"]/*[@name="b"]/*[@name="c"]/*[@name="d"]/string[@name="e"]="bottom"
'/a/b/c/d/e' = 'bottom';
