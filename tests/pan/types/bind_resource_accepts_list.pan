object template bind_resource_accepts_list;
# @expect=/nlist[@name="profile"]/*[@name="r"]
bind '/r' = resource;
'/r' = list();
