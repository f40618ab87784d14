object template conditional_assign_null_leaves_unset;
# @expect=not(/nlist[@name="profile"]/*[@name="opt"])
# @expect=/nlist[@name="profile"]/long[@name="other"]="2"
'/opt' ?= null;
'/other' = 2;
