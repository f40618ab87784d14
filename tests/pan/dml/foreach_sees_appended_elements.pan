object template foreach_sees_appended_elements;
# @expect=/nlist[@name="profile"]/long[@name="v"]="4"
'/v' = { l = list(10); n = 0; foreach (k; v; l) { if (v < 13) l[length(l)] = v + 1; n = n + 1; }; n; };
