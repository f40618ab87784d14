object template value_default_ignored_when_present;
# @expect=/nlist[@name="profile"]/long[@name="v"]="3"
'/src' = 3;
'/v' = value('/src', 4);
