object template default_whole_bound_path;
# @expect=/nlist[@name="profile"]/long[@name="timeout"]="30"
bind '/timeout' = long = 30;
'/other' = 1;
