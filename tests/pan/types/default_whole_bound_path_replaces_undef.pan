object template default_whole_bound_path_replaces_undef;
# @expect=/nlist[@name="profile"]/long[@name="timeout"]="30"
bind '/timeout' = long = 30;
'/timeout' = undef;
