object template while_constant_folded_at_1000;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1000"
'/v' = { n = 0; while (n < 1000) n = n + 1; n; };
