object template length_of_root_counts_current_path;
# @expect=/nlist[@name="profile"]/long[@name="y"]="2"
'/x' = 1;
'/y' = length(value('/'));
