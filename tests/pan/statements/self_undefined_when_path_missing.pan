object template self_undefined_when_path_missing;
# @expect=/nlist[@name="profile"]/boolean[@name="a"]="false"
'/a' = is_defined(SELF);
