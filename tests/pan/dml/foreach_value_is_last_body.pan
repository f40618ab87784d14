object template foreach_value_is_last_body;
# @expect=/nlist[@name="profile"]/long[@name="v"]="106"
'/v' = foreach (k; v; list(4, 5, 6)) v + 100;
