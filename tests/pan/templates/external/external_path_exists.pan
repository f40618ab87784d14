object template external_path_exists;
# @expect=/nlist[@name="profile"]/boolean[@name="has"]="true"
# @expect=/nlist[@name="profile"]/boolean[@name="hasnt"]="false"
'/has' = path_exists('peer:/port');
'/hasnt' = path_exists('peer:/nothing');
