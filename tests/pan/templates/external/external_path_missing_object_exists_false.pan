object template external_path_missing_object_exists_false;
# @expect=/nlist[@name="profile"]/boolean[@name="r"]="false"
'/r' = path_exists('absent_object:/a');
