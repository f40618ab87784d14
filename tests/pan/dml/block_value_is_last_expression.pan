object template block_value_is_last_expression;
# @expect=/nlist[@name="profile"]/long[@name="v"]="24"
'/v' = { a = 4; b = 6; a * b; };
