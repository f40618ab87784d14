object template for_false_condition_returns_init_value;
# @expect=/nlist[@name="profile"]/long[@name="v"]="7"
'/v' = for (i = 7; false; i = i + 1) 'body';
