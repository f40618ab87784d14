object template loop_limit_counted_per_loop;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1600"
'/v' = { n = 0; i = 0; while (i < 800) { i = i + 1; n = n + 1; }; j = 0; while (j < 800) { j = j + 1; n = n + 1; }; n; };
