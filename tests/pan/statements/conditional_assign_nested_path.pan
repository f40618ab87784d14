object template conditional_assign_nested_path;
# @expect=/nlist[@name="profile"]/*[@name="a"]/long[@name="b"]="1"
'/a/b' ?= 1;
'/a/b' ?= 2;
