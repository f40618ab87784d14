object template while_value_is_last_body;
# @expect=/nlist[@name="profile"]/long[@name="v"]="8"
'/v' = { i = 0; while (i < 4) { i = i + 1; i * 2; }; };
