object template foreach_over_path_value;
# @expect=/nlist[@name="profile"]/long[@name="v"]="12"
'/nums' = list(2, 4, 6);
'/v' = { s = 0; foreach (i; n; value('/nums')) s = s + n; s; };
