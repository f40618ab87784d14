object template while_counts;
# @expect=/nlist[@name="profile"]/long[@name="v"]="7"
'/v' = { i = 0; while (i < 7) i = i + 1; i; };
