object template value_through_property_uses_default;
# @expect=/nlist[@name="profile"]/long[@name="v"]="0"
'/s' = 'str';
'/v' = value('/s/sub', 0);
