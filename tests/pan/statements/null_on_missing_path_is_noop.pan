object template null_on_missing_path_is_noop;
# @expect=not(/nlist[@name="profile"]/*[@name="ghost"])
# @expect=/nlist[@name="profile"]/string[@name="real"]="r"
'/ghost' = null;
'/real' = 'r';
