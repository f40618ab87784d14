object template for_variable_visible_after_loop;
# @expect=/nlist[@name="profile"]/long[@name="v"]="6"
'/v' = { for (i = 0; i < 6; i = i + 1) 0; i; };
