object template value_of_path_being_assigned_uses_default;
# @expect=/nlist[@name="profile"]/long[@name="a"]="99"
'/a' = value('/a', 99);
