object template for_value_is_last_body;
# @expect=/nlist[@name="profile"]/long[@name="v"]="12"
'/v' = for (i = 0; i < 5; i = i + 1) i * 3;
