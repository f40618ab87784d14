object template block_nested_value;
# @expect=/nlist[@name="profile"]/long[@name="v"]="7"
'/v' = { { { 7; }; }; };
