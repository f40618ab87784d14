object template external_path_without_slash;
# @expect=/nlist[@name="profile"]/long[@name="p"]="5432"
'/p' = value('peer:port');
