object template prefix_not_leaking_from_include;
# @expect=/nlist[@name="profile"]/*[@name="inner"]/string[@name="k"]="v"
# @expect=/nlist[@name="profile"]/long[@name="top"]="1"
include 'inner_prefix';
'/top' = 1;
