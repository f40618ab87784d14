object template for_nested_counts;
# @expect=/nlist[@name="profile"]/long[@name="v"]="30"
'/v' = { n = 0; for (i = 0; i < 5; i = i + 1) for (j = 0; j < 6; j = j + 1) n = n + 1; n; };
