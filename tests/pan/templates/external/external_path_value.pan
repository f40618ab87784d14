object template external_path_value;
# @expect=/nlist[@name="profile"]/string[@name="peer_role"]="database"
'/peer_role' = value('peer:/role');
